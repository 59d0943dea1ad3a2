import type { AlertPayload } from '../queues';

const LEVEL_COLOR: Record<AlertPayload['level'], number> = { info: 0x2e86de, warning: 0xf39c12, critical: 0xc0392b };
const LEVEL_MARK: Record<AlertPayload['level'], string> = { info: 'ℹ️', warning: '⚠️', critical: '🚨' };

/** A Discord incoming-webhook body (content + one embed; Discord limits: title 256, description 4096). */
export function discordBody(alert: AlertPayload): Record<string, unknown> {
  return {
    content: `${LEVEL_MARK[alert.level]} ${alert.title}`.slice(0, 2000),
    embeds: [
      {
        title: alert.title.slice(0, 256),
        description: alert.text.slice(0, 4096),
        color: LEVEL_COLOR[alert.level],
      },
    ],
  };
}

/** A Slack incoming-webhook body (text, with the title in bold; mrkdwn). */
export function slackBody(alert: AlertPayload): Record<string, unknown> {
  return { text: `${LEVEL_MARK[alert.level]} *${alert.title}*\n${alert.text}`.slice(0, 40_000) };
}
