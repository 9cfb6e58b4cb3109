/** vitest setupFiles: every answer of a service under test is checked against the OpenAPI document (contract.ts). */
import { installContractFetch } from './contract.js';

installContractFetch();
