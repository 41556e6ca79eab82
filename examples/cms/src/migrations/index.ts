import * as migration_20261126_055807_initial from './20261126_055807_initial';

export const migrations = [
  {
    up: migration_20261126_055807_initial.up,
    down: migration_20261126_055807_initial.down,
    name: '20261126_055807_initial'
  },
];
