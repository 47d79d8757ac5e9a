// A boxed message: an error the user must see, or a neutral hint.
import type { ReactNode } from 'react';

export interface NoticeProps {
  kind: 'error' | 'info';
  title: string;
  children?: ReactNode;
}

export function Notice({ kind, title, children }: NoticeProps) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <strong className="notice-title">{title}</strong>
      {children}
    </div>
  );
}
