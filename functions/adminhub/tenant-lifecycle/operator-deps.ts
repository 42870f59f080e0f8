import type { OperatorDeps } from '@halooid/shared/operator';
import type { ObjectStore } from '@halooid/shared/storage/object-store';

/** What this capability's use cases take from the operator transaction (a subset, so tests can pass fakes). */
export type LifecycleDeps = Pick<OperatorDeps, 'tx' | 'operatorId' | 'newId' | 'now' | 'audit' | 'actOn'>;

export type LifecycleReadDeps = LifecycleDeps & { store: Pick<ObjectStore, 'downloadUrl'> };
