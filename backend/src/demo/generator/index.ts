export { Prng, hash32 } from './prng';
export { TableData } from './table';
export type { PgArrayType } from './table';
export { DEMO_RATIOS, generateDemoData, proportionalSizes } from './generate';
export type { DemoDataset, DemoRefs, DemoSizes, GenerateOptions, StageRef } from './generate';
export { DEFAULT_DEMO_SEED, DemoDataExistsError, hasCrmData, readDemoRefs, seedDemoData, verifyForeignKeys } from './seed';
export type { SeedDemoOptions, SeedDemoResult, SeedProgress } from './seed';
export { seedTenantDemo } from './run';
export type { SeedTenantDemoOptions } from './run';
