-- One vote, atomically, in one round trip, with the client's rate limit counted in the same step.
-- ONE_BALLOT_PER_VOTER (server/domain/votes/ballotRule.ts): the first
-- accepted ballot stands, or on a changeable poll the last one, swapped in by this same script (old points down,
-- new points up, seq up through '_changes'), so no reader ever sees a tally between the two.
-- KEYS[1] {poll:ID}:meta     hash: ready, version, status, opensAt, closesAt (ms, 0 = none), couponsLeft, couponValidUntil
-- KEYS[2] {poll:ID}:voters   set of voter ids
-- KEYS[3] {poll:ID}:tally    hash: optionId -> points, _total -> ballots accepted, _changes -> changes accepted
-- KEYS[4] {poll:ID}:ballots  stream of accepted ballots and changes, read by the flusher
-- KEYS[5] {poll:ID}:winners  hash: voterId -> coupon code
-- KEYS[6] {poll:ID}:rl:CLIENT:N    the rate limit's counter for this fixed window (slidingWindow.lua's, per poll)
-- KEYS[7] {poll:ID}:rl:CLIENT:N-1  the previous window's counter
-- KEYS[8] {poll:ID}:held     hash: voterId -> "revision|first cast ms|opt1,opt2" (changeable polls only)
-- ARGV[1] voterId   ARGV[2] now (ms)   ARGV[3] coupon code to issue if this vote wins one
-- ARGV[4] limit (0 = no limit)   ARGV[5] window (ms)   ARGV[6] elapsed fraction of the current window
-- ARGV[7] '1' when the last ballot counts   ARGV[8] rank base (0: each option 1 point; n: the k-th n - k + 1)
-- ARGV[9..] optionIds, best first on a ranking
-- Returns { outcome, couponCode or nil, tally as a flat HGETALL array, stream entry id (accepted and changed),
--           and for a change its revision and the voter's first cast (ms) }
--   outcome: accepted | changed | already_voted | not_accepting | not_loaded (meta missing: rebuild, retry)
--   or { 'rate_limited', previous window's count, current window's count }: nothing counted
-- A change never issues a coupon; its entry carries the voter's coupon, so whichever revision reaches Postgres
-- first issues that one code (tableside_record_ballots). Loops are bounded by the number of options (at most 20).
local FIRST_OPTION = 9
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
local changeable, base = ARGV[7] == '1', tonumber(ARGV[8])

local function addPoints(options, sign)
  for k, option in ipairs(options) do
    redis.call('HINCRBY', KEYS[3], option, sign * (base > 0 and base - k + 1 or 1))
  end
end

if not open then
  if redis.call('SISMEMBER', KEYS[2], voter) == 0 then return { 'not_accepting' } end
  return { 'already_voted', redis.call('HGET', KEYS[5], voter), redis.call('HGETALL', KEYS[3]) }
end

local chosen = {}
for i = FIRST_OPTION, #ARGV do chosen[#chosen + 1] = ARGV[i] end
local options = table.concat(chosen, ',')

if redis.call('SADD', KEYS[2], voter) == 0 then
  local held = changeable and redis.call('HGET', KEYS[8], voter)
  local revision, firstCast, heldOptions
  if held then revision, firstCast, heldOptions = string.match(held, '^(%d+)|(%d+)|(.*)$') end
  local coupon = redis.call('HGET', KEYS[5], voter)
  if not heldOptions or heldOptions == options then
    return { 'already_voted', coupon, redis.call('HGETALL', KEYS[3]) }
  end
  local old = {}
  for option in string.gmatch(heldOptions, '[^,]+') do old[#old + 1] = option end
  addPoints(old, -1)
  addPoints(chosen, 1)
  redis.call('HINCRBY', KEYS[3], '_changes', 1)
  revision = tonumber(revision) + 1
  redis.call('HSET', KEYS[8], voter, revision .. '|' .. firstCast .. '|' .. options)
  local entry
  if coupon then
    entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', firstCast, 'r', revision, 'u', ARGV[2], 'c', coupon)
  else
    entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', firstCast, 'r', revision, 'u', ARGV[2])
  end
  return { 'changed', coupon, redis.call('HGETALL', KEYS[3]), entry, revision, firstCast }
end

addPoints(chosen, 1)
redis.call('HINCRBY', KEYS[3], '_total', 1)
if changeable then redis.call('HSET', KEYS[8], voter, '1|' .. ARGV[2] .. '|' .. options) end

local coupon = false
local couponsLeft = tonumber(meta[5]) or 0
if couponsLeft > 0 and now < (tonumber(meta[6]) or 0) then
  redis.call('HINCRBY', KEYS[1], 'couponsLeft', -1)
  redis.call('HSET', KEYS[5], voter, ARGV[3])
  coupon = ARGV[3]
end

local entry
if coupon then
  entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', ARGV[2], 'c', coupon)
else
  entry = redis.call('XADD', KEYS[4], '*', 'v', voter, 'o', options, 't', ARGV[2])
end
return { 'accepted', coupon, redis.call('HGETALL', KEYS[3]), entry }
