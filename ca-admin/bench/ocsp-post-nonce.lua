-- wrk script: POSTs the OCSP request in $OCSP_REQUEST (made with `openssl ocsp -nonce -reqout`),
-- its 16-byte nonce (the request's last 16 bytes) replaced by random bytes at every request,
-- so that every response is signed afresh, as for real relying parties.
local file = assert(io.open(os.getenv("OCSP_REQUEST"), "rb"))
local der = file:read("*a")
file:close()
local head = der:sub(1, #der - 16)
local headers = { ["Content-Type"] = "application/ocsp-request" }

function setup(thread)
   thread:set("seed", math.random(1, 1e9))
end

function init(args)
   math.randomseed(seed + os.time())
end

request = function()
   local nonce = {}
   for i = 1, 16 do
      nonce[i] = string.char(math.random(0, 255))
   end
   return wrk.format("POST", nil, headers, head .. table.concat(nonce))
end
