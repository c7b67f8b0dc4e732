import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** People's notifications (escalations and overdue tasks, from the notifications projection) and their mail preferences. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
