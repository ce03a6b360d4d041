export { repairBytes, type Encoding, type Repair, type RepairResult } from './repair-bytes.ts';
