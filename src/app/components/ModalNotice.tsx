import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  children: ReactNode;
  /** The dialog's buttons; Escape never closes it, a choice must be made. */
  actions?: ReactNode;
}

/** A modal notice on the native <dialog> that only its own buttons (or the state behind it) can close. */
export function ModalNotice({ title, testId, children, actions }: Props) {
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
      onCancel={(e) => e.preventDefault()}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {actions && <div className="row gap end">{actions}</div>}
    </dialog>
  );
}
