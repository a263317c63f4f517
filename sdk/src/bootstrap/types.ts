// The answer of GET /v1/sdk/bootstrap (server/src/delivery/bootstrap.ts), built from the server's
// contract types. Mirrored here because that module pulls server code into the SDK's type check.
import type { DeliveredFlow, Theme } from '@onward/server/contracts';

export type Bootstrap = {
  /** Sorted by priority, highest first. */
  flows: DeliveredFlow[];
  settings: { throttleHours: number; theme: Theme };
  user: { verified: boolean; daysInactive: number | null; dormantAfterDays: number };
  /** With ?debug=1: why each other published flow is not delivered (`flowId` '*' = all). */
  excluded?: { flowId: string; reason: string }[];
};
