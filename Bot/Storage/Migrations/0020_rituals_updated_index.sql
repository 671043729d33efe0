-- The reconciler's later passes look for rituals saved since their last pass (every save stamps updated_at): an
-- index turns that scan of every ritual into a read of the few saved lately.
CREATE INDEX ix_rituals_updated ON rituals (updated_at);
