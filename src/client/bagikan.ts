/**
 * Sharing a view: copy its link (all state is in the URL), or hand it to the device's share sheet
 * (Web Share API: WhatsApp and others on phones) where there is one.
 */
import { t, type Lang } from '../lib/i18n.ts';

/** Copies `url`; the button says so for two seconds. Falls back to a selected text field. */
export async function copyLink(button: HTMLButtonElement, url: string, lang: Lang): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(url);
    ok = true;
  } catch {
    const field = document.createElement('textarea');
    field.value = url;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    ok = document.execCommand?.('copy') ?? false;
    field.remove();
  }
  button.dataset.copied = ok ? url : '';
  if (!ok) {
    window.prompt(t(lang, 'share.copy'), url);
    return;
  }
  const label = button.textContent;
  button.textContent = t(lang, 'share.copied');
  setTimeout(() => (button.textContent = label), 2000);
}

/** True where the device can share a link (phones, some desktops). */
export const canShare = (): boolean => typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/** Opens the share sheet with the page's title and `url`; a cancelled share is not an error. */
export async function shareLink(url: string, title: string, text?: string): Promise<void> {
  try {
    await navigator.share({ url, title, text });
  } catch (error) {
    if ((error as Error)?.name !== 'AbortError') throw error;
  }
}
