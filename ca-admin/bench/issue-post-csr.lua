-- wrk script: POSTs the JSON body in $ISSUE_BODY (an issuance from a CSR) to /api/v1/certificates
-- with the bearer token in $ISSUE_TOKEN. kyso keeps no rule against certifying one public key
-- twice, so the same CSR stands for many subscribers' requests; every answer is a new certificate.
local file = assert(io.open(os.getenv("ISSUE_BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ISSUE_TOKEN")

local failed = 0
response = function(status, headers, body)
   if status ~= 201 and failed < 3 then
      failed = failed + 1
      io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
   end
end
