-- wrk script: POSTs issuance requests to /api/v1/certificates with the bearer token in $ISSUE_TOKEN.
-- The bodies are the lines of $ISSUE_BODIES (csr-bodies.py: a CSR for a key of its own on each
-- line), taken in turn, each thread from its own starting line. kyso certifies a public key for one
-- subscriber only and looks the key up at every issuance, so a load that certified one key again
-- and again would measure that look-up walking an ever longer list, not issuance.
local bodies = {}
for line in io.lines(os.getenv("ISSUE_BODIES")) do
   bodies[#bodies + 1] = line
end
local headers = {
   ["Content-Type"] = "application/json",
   ["Authorization"] = "Bearer " .. os.getenv("ISSUE_TOKEN"),
}
local next_body = 1
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("first", thread_count)
end

function init(args)
   next_body = ((first or 1) - 1) * 7919 % #bodies + 1
end

request = function()
   local body = bodies[next_body]
   next_body = next_body % #bodies + 1
   return wrk.format("POST", nil, headers, body)
end

local failed = 0
response = function(status, headers, body)
   if status ~= 201 and failed < 3 then
      failed = failed + 1
      io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
   end
end
