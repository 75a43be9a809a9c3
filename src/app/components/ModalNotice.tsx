import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  children: ReactNode;
  /** The dialog's buttons. */
  actions?: ReactNode;
  /** What Escape does; without it Escape does nothing and a choice must be made. */
  onEscape?: () => void;
}

/**
 * A modal on the native <dialog> (focus trapped) that only its own buttons, Escape when `onEscape` is given,
 * or the state behind it can close.
 */
export function ModalNotice({ title, testId, children, actions, onEscape }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      onCancel={(e) => {
        e.preventDefault();
        onEscape?.();
      }}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {actions && <div className="row gap end">{actions}</div>}
    </dialog>
  );
}
