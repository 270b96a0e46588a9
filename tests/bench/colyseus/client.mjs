/** The Colyseus SDK as this package installed it, for the load benchmark (which lives outside the package). */
export { Client } from '@colyseus/sdk';
