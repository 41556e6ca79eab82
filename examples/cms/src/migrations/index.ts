import * as migration_20261126_080353_initial from './20261126_080353_initial';
import * as migration_20261126_091519_audit_log_agencies from './20261126_091519_audit_log_agencies';

export const migrations = [
  {
    up: migration_20261126_080353_initial.up,
    down: migration_20261126_080353_initial.down,
    name: '20261126_080353_initial',
  },
  {
    up: migration_20261126_091519_audit_log_agencies.up,
    down: migration_20261126_091519_audit_log_agencies.down,
    name: '20261126_091519_audit_log_agencies'
  },
];
