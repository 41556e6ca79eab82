import * as migration_20261126_080353_initial from './20261126_080353_initial';
import * as migration_20261126_091519_audit_log_agencies from './20261126_091519_audit_log_agencies';
import * as migration_20261126_094346_audit_revert_action from './20261126_094346_audit_revert_action';
import * as migration_20261129_213327_plugin_disclosure from './20261129_213327_plugin_disclosure';
import * as migration_20261129_223417_decisions_process from './20261129_223417_decisions_process';
import * as migration_20261129_223635_admin_workbench from './20261129_223635_admin_workbench';
import * as migration_20261129_224337_plugin_delivery from './20261129_224337_plugin_delivery';
import * as migration_20261129_225054_cms_removal from './20261129_225054_cms_removal';
import * as migration_20261130_002222_decision_form from './20261130_002222_decision_form';

export const migrations = [
  {
    up: migration_20261126_080353_initial.up,
    down: migration_20261126_080353_initial.down,
    name: '20261126_080353_initial',
  },
  {
    up: migration_20261126_091519_audit_log_agencies.up,
    down: migration_20261126_091519_audit_log_agencies.down,
    name: '20261126_091519_audit_log_agencies',
  },
  {
    up: migration_20261126_094346_audit_revert_action.up,
    down: migration_20261126_094346_audit_revert_action.down,
    name: '20261126_094346_audit_revert_action',
  },
  {
    up: migration_20261129_213327_plugin_disclosure.up,
    down: migration_20261129_213327_plugin_disclosure.down,
    name: '20261129_213327_plugin_disclosure',
  },
  {
    up: migration_20261129_223417_decisions_process.up,
    down: migration_20261129_223417_decisions_process.down,
    name: '20261129_223417_decisions_process',
  },
  {
    up: migration_20261129_223635_admin_workbench.up,
    down: migration_20261129_223635_admin_workbench.down,
    name: '20261129_223635_admin_workbench',
  },
  {
    up: migration_20261129_224337_plugin_delivery.up,
    down: migration_20261129_224337_plugin_delivery.down,
    name: '20261129_224337_plugin_delivery',
  },
  {
    up: migration_20261129_225054_cms_removal.up,
    down: migration_20261129_225054_cms_removal.down,
    name: '20261129_225054_cms_removal',
  },
  {
    up: migration_20261130_002222_decision_form.up,
    down: migration_20261130_002222_decision_form.down,
    name: '20261130_002222_decision_form',
  },
];
