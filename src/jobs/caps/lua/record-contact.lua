-- Adds a contact that took no slot through reservation (an inbound call that became a
-- conversation, history imported from elsewhere). Idempotent on the id.
--
-- KEYS[1]  zset  id -> contact time
-- KEYS[2]  hash  id -> "channel|outcome|to|atMs|direction"
-- ARGV[1]  id, ARGV[2] record, ARGV[3] contact time (ms), ARGV[4] key TTL (ms)

redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 1
