export { openDatabase, isEmbedded, type Database } from './client';
export { migrate, readMigrations, type Migration } from './migrate';
