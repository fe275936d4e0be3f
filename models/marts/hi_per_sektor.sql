-- Grain: one row per business sector in the disputes-by-sector table (printed total row excluded).
-- Inputs: staging.stg_hi_per_sektor.
with sektor as (
    select * from staging.stg_hi_per_sektor
)

select * exclude (source_sha256, source_sheet)
from sektor
