-- Takes one send slot of a tenant's channel at its rate, or gives the job a time to come back.
-- The rate is a sliding one-second window: a job runs if fewer than `rate` of the tenant's
-- channel ran in the last second. Jobs that find it full wait in a line, each given a distinct
-- time to come back, spaced 1/rate apart, so a backlog wakes at the rate, not all at once. While
-- anyone waits, a job that has not waited joins the end of the line (it does not cut in).
--
-- KEYS[1]  hash  line (ms: the end of the line), interval (ms: 1000 / rate when the line was
--                spaced), backlog (the tenant's channel's jobs not yet let through: enqueue adds)
-- KEYS[2]  set   ids of the jobs waiting in the line
-- KEYS[3]  zset  the sends of the last second: "<time>:<job id>" -> time (ms)
-- ARGV[1]  now (ms), or "" for Redis's own clock (one clock for every worker process, whatever
--          their machines' clocks say)
-- ARGV[2]  rate: sends a second, read from the tenant's record now
-- ARGV[3]  job id
-- Returns 0: send now; otherwise how long (ms) to wait before coming back.
-- Times are written with three decimals (a Lua number handed to Redis as is keeps 14 digits).

if redis.replicate_commands then redis.replicate_commands() end
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
else
  now = tonumber(ARGV[1])
end
local rate = tonumber(ARGV[2])
local id = ARGV[3]
local interval = 1000 / rate
local state = redis.call('HMGET', KEYS[1], 'line', 'interval')
local line = tonumber(state[1] or '0')
local was = tonumber(state[2] or '0')
local function ms(x) return string.format('%.3f', x) end

-- A changed rate: the line still ahead is shortened or stretched to it, so a raised rate serves
-- the waiting backlog sooner and a lowered one spaces it wider.
if was > 0 and math.abs(was - interval) > 0.0005 and line > now then
  line = now + (line - now) * interval / was
end

redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ms(now - 1000))
local inWindow = redis.call('ZCARD', KEYS[3])
local waited = redis.call('SISMEMBER', KEYS[2], id) == 1
local result
if inWindow < rate and (waited or line <= now) then
  redis.call('ZADD', KEYS[3], ms(now), ms(now) .. ':' .. id)
  if waited then redis.call('SREM', KEYS[2], id) end
  local backlog = tonumber(redis.call('HGET', KEYS[1], 'backlog') or '0')
  if backlog > 0 then redis.call('HSET', KEYS[1], 'backlog', backlog - 1) end
  result = 0
else
  -- When the window next has room: its oldest send leaves it.
  local free = now + 1
  if inWindow >= rate then
    local oldest = redis.call('ZRANGE', KEYS[3], inWindow - rate, inWindow - rate, 'WITHSCORES')
    free = math.max(free, tonumber(oldest[2]) + 1000)
  end
  if waited then
    -- Its turn came and the window was full (sends ran late): it tries again as soon as there is
    -- room, keeping its place ahead of the line.
    result = math.max(1, math.ceil(free - now))
  else
    local turn = math.max(line, free)
    line = turn + interval
    redis.call('SADD', KEYS[2], id)
    result = math.max(1, math.ceil(turn - now))
  end
end
redis.call('HSET', KEYS[1], 'line', ms(line), 'interval', ms(interval))
-- Kept while the line lasts, and a day after (the backlog count outlives a quiet spell).
local ttl = math.ceil(math.max(line - now, 1000)) + 86400000
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[3], 2000)
return result
