import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export interface EmailLayoutProps {
  preview: string;
  heading: string;
  children: ReactNode;
  /** The deep link into the app and what its button says. */
  actionUrl: string;
  actionLabel: string;
}

const body = { backgroundColor: '#f6f7f9', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1f2933' };
const container = { backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px', borderRadius: '6px' };
const button = {
  backgroundColor: '#1c64f2',
  color: '#ffffff',
  padding: '10px 16px',
  borderRadius: '4px',
  textDecoration: 'none',
};
const footer = { color: '#52606d', fontSize: '12px' };

/** The frame every Coachflow mail shares: a heading, the message, one button to the task, a footer. */
export function EmailLayout({ preview, heading, children, actionUrl, actionLabel }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: '20px' }}>
            {heading}
          </Heading>
          {children}
          <Button href={actionUrl} style={button}>
            {actionLabel}
          </Button>
          <Text>
            Or open this link: <a href={actionUrl}>{actionUrl}</a>
          </Text>
          <Hr />
          <Text style={footer}>
            Sent by Coachflow. You can change which mails you get in your notification preferences.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
