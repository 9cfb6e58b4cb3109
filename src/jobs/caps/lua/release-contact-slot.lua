-- Gives back the slot a message reserved when the send never reached the provider.
--
-- KEYS[1]  zset  message id -> contact time
-- KEYS[2]  hash  message id -> record
-- ARGV[1]  message id
-- Returns 1 if a slot was released, 0 if the message held none.

redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('HDEL', KEYS[2], ARGV[1])
