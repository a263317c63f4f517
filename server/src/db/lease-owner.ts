// Who holds a lease in the database: unique per process, readable in a table dump.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export const leaseOwner = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
