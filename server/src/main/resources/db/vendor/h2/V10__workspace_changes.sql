-- H2 serves a single node, whose writers tell it of their changes themselves; PostgreSQL's V10 adds the triggers
-- that tell every node. This script keeps the two databases' versions in step.
select 1;
