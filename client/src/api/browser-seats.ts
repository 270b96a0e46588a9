import { browserStorage, createSeatStore } from './seats.ts';

/** This browser's seats, in localStorage. */
export const seats = createSeatStore(browserStorage());
