/** What record mode did for one project since MockDeck started (docs/proxy.md). */
export interface RecordingStatus {
  projectId: string;
  /** Mocks recorded for this project. */
  recorded: number;
  /** Upstream answers not recorded (a binary or too large body, a method a mock cannot have…). */
  skipped: number;
  /** The newest recordings, oldest first (at most 50). */
  recent: { method: string; path: string; status: number; mockId: string }[];
}
