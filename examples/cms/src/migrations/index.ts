import * as migration_20261126_080353_initial from './20261126_080353_initial';

export const migrations = [
  {
    up: migration_20261126_080353_initial.up,
    down: migration_20261126_080353_initial.down,
    name: '20261126_080353_initial'
  },
];
