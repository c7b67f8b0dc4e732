import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** The notification outbox as admins see it (GET /api/deliveries) and the webhook endpoints it sends to. */
@Module({
  controllers: [DeliveriesController, WebhooksController],
  providers: [DeliveriesService, WebhooksService],
})
export class DeliveriesModule {}
