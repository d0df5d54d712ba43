-- One vote, atomically, in one round trip, with the client's rate limit counted in the same step.
-- KEYS[1] {poll:ID}:meta     hash: ready, version, status, opensAt, closesAt (ms, 0 = none), couponsLeft, couponValidUntil
-- KEYS[2] {poll:ID}:voters   set of voter ids
-- KEYS[3] {poll:ID}:tally    hash: optionId -> count, _total -> ballots accepted
-- KEYS[4] {poll:ID}:ballots  stream of accepted ballots, read by the flusher
-- KEYS[5] {poll:ID}:winners  hash: voterId -> coupon code
-- KEYS[6] {poll:ID}:rl:CLIENT:N    the rate limit's counter for this fixed window (slidingWindow.lua's, per poll)
-- KEYS[7] {poll:ID}:rl:CLIENT:N-1  the previous window's counter
-- ARGV[1] voterId   ARGV[2] now (ms)   ARGV[3] coupon code to issue if this vote wins one
-- ARGV[4] limit (0 = no limit)   ARGV[5] window (ms)   ARGV[6] elapsed fraction of the current window   ARGV[7..] optionIds
-- Returns { outcome, couponCode or nil, tally as a flat HGETALL array, ballot stream entry id (accepted only) }
--   outcome: accepted | already_voted | not_accepting | not_loaded (meta missing: rebuild from Postgres, retry)
--   or { 'rate_limited', previous window's count, current window's count }: nothing counted
-- Loops are bounded by the number of chosen options (at most 20).
local meta = redis.call('HMGET', KEYS[1], 'ready', 'status', 'opensAt', 'closesAt', 'couponsLeft', 'couponValidUntil')
if meta[1] ~= '1' then return { 'not_loaded' } end

-- Every vote that reaches the poll counts against the limit, whatever its outcome (as the limiter alone did).
local limit = tonumber(ARGV[4])
if limit > 0 then
  local previous = tonumber(redis.call('GET', KEYS[7]) or '0')
  local current = tonumber(redis.call('GET', KEYS[6]) or '0')
  if previous * (1 - tonumber(ARGV[6])) + current + 1 > limit then return { 'rate_limited', previous, current } end
  redis.call('INCR', KEYS[6])
  redis.call('PEXPIRE', KEYS[6], tonumber(ARGV[5]) * 2)
end

local voter, now = ARGV[1], tonumber(ARGV[2])
local opensAt, closesAt = tonumber(meta[3]) or 0, tonumber(meta[4]) or 0
local open = meta[2] == 'open' and (opensAt == 0 or now >= opensAt) and (closesAt == 0 or now < closesAt)

if not open then
  if redis.call('SISMEMBER', KEYS[2], voter) == 0 then return { 'not_accepting' } end
  return { 'already_voted', redis.call('HGET', KEYS[5], voter), redis.call('HGETALL', KEYS[3]) }
end
if redis.call('SADD', KEYS[2], voter) == 0 then
  return { 'already_voted', redis.call('HGET', KEYS[5], voter), redis.call('HGETALL', KEYS[3]) }
end

for i = 7, #ARGV do redis.call('HINCRBY', KEYS[3], ARGV[i], 1) end
redis.call('HINCRBY', KEYS[3], '_total', 1)

local coupon = false
local couponsLeft = tonumber(meta[5]) or 0
if couponsLeft > 0 and now < (tonumber(meta[6]) or 0) then
  redis.call('HINCRBY', KEYS[1], 'couponsLeft', -1)
  redis.call('HSET', KEYS[5], voter, ARGV[3])
  coupon = ARGV[3]
end

local options = table.concat(ARGV, ',', 7)
local entry
if coupon then
  entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', ARGV[2], 'c', coupon)
else
  entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', ARGV[2])
end
return { 'accepted', coupon, redis.call('HGETALL', KEYS[3]), entry }
