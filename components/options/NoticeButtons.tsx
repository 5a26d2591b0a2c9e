/** One button of a starter notice: its data-kf name, its label and what it does. */
interface NoticeButton {
  kf: string;
  label: string;
  onClick: () => void;
}

/**
 * The starter notices' row (StarterKindNotice, StarterOrdersNotice, StarterAddedNotice): the action,
 * off while it runs so a second click cannot run it twice, and the way to put the notice away.
 */
export function NoticeButtons(props: { act: NoticeButton; dismiss: NoticeButton; busy: boolean }) {
  const { act, dismiss } = props;
  return (
    <div class="kf-actions">
      <button class="kf-primary" data-kf={act.kf} disabled={props.busy} onClick={act.onClick}>
        {act.label}
      </button>
      <button class="kf-link" data-kf={dismiss.kf} onClick={dismiss.onClick}>
        {dismiss.label}
      </button>
    </div>
  );
}
