import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config';
import { QUEUE_DISPLAY_NAME, QueueName } from '../queues/queue.contract';
import { basicAuth } from './basic-auth.middleware';

export const BULL_BOARD_ROUTE = '/admin/queues';

/** Bull Board at /admin/queues, only when BULL_BOARD_USERNAME and BULL_BOARD_PASSWORD are both set. */
@Module({})
export class QueueBoardModule {
  static forConfig(config: AppConfig): DynamicModule {
    const { username, password } = config.bullBoard;
    if (!username || !password) {
      return { module: QueueBoardModule };
    }
    return {
      module: QueueBoardModule,
      imports: [
        BullBoardModule.forRoot({
          route: BULL_BOARD_ROUTE,
          adapter: ExpressAdapter,
          middleware: basicAuth(username, password, 'Bull Board'),
          boardOptions: { uiConfig: { boardTitle: 'Options platform queues' } },
        }),
        ...Object.values(QueueName).map((name) =>
          BullBoardModule.forFeature({
            name,
            adapter: BullMQAdapter,
            options: { displayName: QUEUE_DISPLAY_NAME[name], allowRetries: true },
          }),
        ),
      ],
    };
  }
}
