/** The longest delay MockDeck waits before an answer: a mock's responseDelay, and a chaos latency draw. */
export const MAX_DELAY_MS = 60_000;
