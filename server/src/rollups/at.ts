// Reading the users rollup as it stood at :asOf, for a user row aliased `u`.

/**
 * start(u) at :asOf: createdAt once an identify carried it by then, else the first activity by
 * then. A createdAt changed after asOf reads as its current value (no createdAt history is kept).
 */
export const START_AT = `CASE WHEN u.created_first_set_at <= :asOf THEN u.created_at
  WHEN u.first_activity_at <= :asOf THEN u.first_activity_at END`;

/**
 * The identified users u whose start at :asOf is not their stored one, as their createdAt arrived
 * after asOf, but who had one by then (START_AT is not null). The condition is on k, read from
 * users_created_set alone (migration 017), so the many who joined after asOf are left out before
 * their rows are read: a table without rowid defers no row read to after the index's conditions.
 * `from` joins each to its row u.
 */
export const STARTED_ELSEWHERE = {
  from: 'users k INDEXED BY users_created_set CROSS JOIN users u ON u.workspace_id = k.workspace_id AND u.id = k.id',
  where: `k.workspace_id = :ws AND k.created_set_at > :asOf AND k.is_anonymous = 0
    AND (k.created_first_set_at <= :asOf OR k.first_activity_at <= :asOf)`,
};

/** The user's account at :asOf: the current one unless it was set after asOf. */
export const ACCOUNT_AT = `CASE WHEN u.account_at <= :asOf THEN u.account_id ELSE (
  SELECT h.account_id FROM user_account_history h
  WHERE h.workspace_id = u.workspace_id AND h.user_id = u.id AND h.at <= :asOf ORDER BY h.at DESC LIMIT 1) END`;

/**
 * The identified users u whose account was set after :asOf but who had one by then: the only ones
 * whose account at asOf (ACCOUNT_AT) comes from the history. Most users with a later account_at
 * joined after asOf; the index on account_at (k) leaves them out before any row is read.
 * `from` joins each to its row u; `where` is the condition on k.
 */
export const ACCOUNT_SET_AFTER_AS_OF = {
  from: 'users k INDEXED BY users_account_at CROSS JOIN users u ON u.workspace_id = k.workspace_id AND u.id = k.id',
  where: 'k.workspace_id = :ws AND k.account_at > :asOf AND k.account_first_at <= :asOf AND k.is_anonymous = 0',
};
