/** One step of a deployment, in the order a person reads them in the checklist. */
export interface StepDefinition {
  readonly id: StepId;
  readonly title: string;
  /** Only create changes the cloud; every other step only reads. */
  readonly changesCloud: boolean;
  readonly dependsOn: readonly StepId[];
}

export type StepId =
  | 'workspace'
  | 'name'
  | 'image'
  | 'instance'
  | 'network'
  | 'resource-group'
  | 'create'
  | 'status'
  | 'endpoints';

const GATES = ['workspace', 'name', 'image', 'instance', 'network', 'resource-group'] as const;

/** The gated sequence: read-only gates (run at the same time), create, then two reads. */
export const STEPS: readonly StepDefinition[] = [
  { id: 'workspace', title: 'Pick the workspace', changesCloud: false, dependsOn: [] },
  { id: 'name', title: 'Check the service name is free', changesCloud: false, dependsOn: [] },
  { id: 'image', title: 'Validate the image', changesCloud: false, dependsOn: [] },
  { id: 'instance', title: 'Validate the instance type', changesCloud: false, dependsOn: [] },
  { id: 'network', title: 'Find the network', changesCloud: false, dependsOn: [] },
  { id: 'resource-group', title: 'Find the resource group', changesCloud: false, dependsOn: [] },
  { id: 'create', title: 'Create the service', changesCloud: true, dependsOn: GATES },
  { id: 'status', title: 'Read the service status', changesCloud: false, dependsOn: ['create'] },
  { id: 'endpoints', title: 'Read the endpoints', changesCloud: false, dependsOn: ['status'] },
];

/** The table entry of a step id. */
export function findStep(id: StepId): StepDefinition {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}
