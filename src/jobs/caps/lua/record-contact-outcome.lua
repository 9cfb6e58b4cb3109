-- Records what became of a reserved contact (sent, answered, busy…); the counting rules decide
-- whether that outcome uses a slot. An unknown message is left alone.
--
-- KEYS[1]  hash  message id -> "channel|outcome|to|atMs|direction"
-- ARGV[1]  message id
-- ARGV[2]  outcome
-- Returns 1 if recorded, 0 if the message holds no slot.

local rec = redis.call('HGET', KEYS[1], ARGV[1])
if not rec then
  return 0
end
local ch, _, to, at, dir = string.match(rec, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
if not ch then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ch .. '|' .. ARGV[2] .. '|' .. to .. '|' .. at .. '|' .. dir)
return 1
