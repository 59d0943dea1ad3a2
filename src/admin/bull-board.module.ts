import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { AppConfig, APP_CONFIG } from '../config';
import { QUEUE_DISPLAY_NAME, QueueName } from '../queues/queue.contract';
import { adminAuth } from './admin-auth.middleware';

export const BULL_BOARD_ROUTE = '/admin/queues';

/** Bull Board at /admin/queues for admins (basic credentials of an admin user, or an admin token). */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      inject: [AuthService, APP_CONFIG, CLOCK],
      useFactory: (auth: AuthService, config: AppConfig, clock: Clock) => {
        const { username, password } = config.bullBoard;
        return {
          route: BULL_BOARD_ROUTE,
          adapter: ExpressAdapter,
          middleware: adminAuth(auth, clock, username && password ? { username, password } : null, 'Bull Board'),
          boardOptions: { uiConfig: { boardTitle: 'Options platform queues' } },
        };
      },
    }),
    ...Object.values(QueueName).map((name) =>
      BullBoardModule.forFeature({
        name,
        adapter: BullMQAdapter,
        options: { displayName: QUEUE_DISPLAY_NAME[name], allowRetries: true },
      }),
    ),
  ],
})
export class QueueBoardModule {}
