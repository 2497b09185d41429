-- Agent labels (automatic dispatch, ADR 0011): what an agent offers, matched against jobs' selectors.
-- jsonb so that "which registered agents carry every pair of this selector" is one containment test (@>).
ALTER TABLE agents ADD COLUMN labels jsonb NOT NULL DEFAULT '{}';
