-- Checks every counting rule for one borrower and, only if all have room, reserves a slot for
-- this message. Atomic: two workers can never both take the last slot.
--
-- KEYS[1]  zset  message id -> contact time (ms)          {b:<borrowerId>} hash tag
-- KEYS[2]  hash  message id -> "channel|outcome|to|atMs|direction"
-- ARGV[1]  message id
-- ARGV[2]  the record to store for it
-- ARGV[3]  contact time (ms)
-- ARGV[4]  records older than this (ms) are pruned
-- ARGV[5]  key TTL (ms)
-- ARGV[6]  number of rules; then 6 arguments per rule:
--          since (ms), max, ",channels,", ",outcomes,", to ("" = any), include inbound ("1"/"0")
-- Returns {1, "reserved"}, {1, "held"} (this message already holds a slot) or {0, rule index}.

if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return {1, 'held'}
end

local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
for _, id in ipairs(old) do
  redis.call('HDEL', KEYS[2], id)
end
if #old > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
end

local at = tonumber(ARGV[3])
local rules = tonumber(ARGV[6])
for i = 0, rules - 1 do
  local base = 7 + i * 6
  local since = ARGV[base]
  local max = tonumber(ARGV[base + 1])
  local channels = ARGV[base + 2]
  local outcomes = ARGV[base + 3]
  local to = ARGV[base + 4]
  local inbound = ARGV[base + 5]
  local count = 0
  -- Up to +inf: a slot another worker reserved with a clock a few ms ahead of ours counts too.
  local ids = redis.call('ZRANGEBYSCORE', KEYS[1], since, '+inf')
  for _, id in ipairs(ids) do
    local rec = redis.call('HGET', KEYS[2], id)
    if rec then
      local ch, outcome, rto, _, dir = string.match(rec, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
      if ch and string.find(channels, ',' .. ch .. ',', 1, true)
        and string.find(outcomes, ',' .. outcome .. ',', 1, true)
        and (inbound == '1' or dir ~= 'inbound')
        and (to == '' or rto == to) then
        count = count + 1
      end
    end
  end
  if count >= max then
    return {0, tostring(i + 1)}
  end
end

redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], at, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {1, 'reserved'}
