// Offline migrations with Prisma's schema engine compiled to WebAssembly.
export {
  applyPendingMigrations,
  createMigration,
  deployMigrations,
  migrationStatus,
  migrationTarget,
  postgresSnapshotPath,
} from './commands';
export type {
  CreateMigrationResult,
  DeployResult,
  MigrationTarget,
  StatusReport,
} from './commands';
export { MigrationError } from './errors';
export type { MigrationProblem } from './errors';
export { prepareDatabase } from '../prepare';
