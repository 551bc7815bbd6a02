export * from './types';
export { parsePipelineSpec, findCycle, topoOrder, type PipelineParse, type SpecProblem } from './spec';
export { Scheduler, triggerTime, type BackfillPlan } from './scheduler';
export type { TaskRunner, TryOutcome } from './runner';
export { partitionsOf, gridText, gridLetters, partitionsText, tiState, runDuration, type Partition, type PartitionStatus, type TablePartitions } from './partitions';
export { simulate } from './simulate';
export * from './dates';
