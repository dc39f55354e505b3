/** The local agent as the extension sees it, for the popup and the options page. */
export interface AgentStatus {
  paired: boolean;
  reachable: boolean;
  url: string;
  /** Draft edits waiting for the agent. */
  queued: number;
  /** The agent's automatic backups: whether they run, and the newest (ISO, null: none yet). */
  backup?: { automatic: boolean; lastAt: string | null };
}
