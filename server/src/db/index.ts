export { openDatabase, isEmbedded, filePath, type Database } from './client';
export { migrate, readMigrations, type Migration } from './migrate';
export { takingTurns, writeTurnsOf, type WriteTurns } from './write-turns';
