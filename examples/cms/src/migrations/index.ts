import * as migration_20261126_061658_initial from './20261126_061658_initial';

export const migrations = [
  {
    up: migration_20261126_061658_initial.up,
    down: migration_20261126_061658_initial.down,
    name: '20261126_061658_initial'
  },
];
