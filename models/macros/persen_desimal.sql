-- persen(a, b) as DECIMAL(28,6), native: a / b x 100 for exact DECIMAL(28,6) inputs, the same value
-- as CAST(persen(a::VARCHAR, b::VARCHAR) AS DECIMAL(28,6)) (the TS reference: 40 significant digits,
-- half-up to 10 decimals, then the cast's half-away-from-zero to 6), without a JS call per row.
-- Integer arithmetic on micro-units: q10 = round(|a| x 10^12 / |b|), q6 = round(q10 / 10^4).
-- Within |b| < 5 x 10^13 and |a| < 10^14 the 40-digit quotient cannot change the tenth decimal, and
-- nothing overflows HUGEINT; beyond that the TS function answers. b = 0 or a NULL input: NULL.
create or replace macro persen_desimal(a, b) as (
    case
        when a is null or b is null or b = 0 then null
        when abs(b) < 50000000000000 and abs(a) < 100000000000000 then
            cast(
                cast(
                    sign(a) * sign(b)
                    * ((((2 * abs(cast(cast(a as decimal(38, 6)) * 1000000 as hugeint)) * 1000000000000
                          + abs(cast(cast(b as decimal(38, 6)) * 1000000 as hugeint)))
                         // (2 * abs(cast(cast(b as decimal(38, 6)) * 1000000 as hugeint)))) + 5000) // 10000)
                    as decimal(38, 0)) * 0.000001
            as decimal(28, 6))
        else cast(persen(cast(a as varchar), cast(b as varchar)) as decimal(28, 6))
    end
)
