import { describe, expect, it } from 'vitest';
import { liveLink, liveLinks, readCreatedRoom, readLiveFragment } from './liveLinks.ts';

const room = 'AbCdEfGhIjKlMnOpQrStUvWx';
const token = 'tOkEn_-0123456789abcdefgh';

describe('live links', () => {
  it('puts the room and token in the fragment, replacing the page’s own fragment', () => {
    const link = liveLink('https://erd.example/app/?x=1#doc=abc', { room, token });
    expect(link).toBe(`https://erd.example/app/?x=1#live=${room}.${token}`);
    expect(readLiveFragment(new URL(link).hash)).toEqual({ room, token });
  });

  it('makes an edit link and a view link for one room', () => {
    const links = liveLinks('http://127.0.0.1:4173/', { room, editToken: token, viewToken: 'V'.repeat(24) });
    expect(readLiveFragment(new URL(links.edit).hash)?.token).toBe(token);
    expect(readLiveFragment(new URL(links.view).hash)).toEqual({ room, token: 'V'.repeat(24) });
  });

  it('reads no room from other fragments or damaged links', () => {
    expect(readLiveFragment('#doc=abc')).toBeNull();
    expect(readLiveFragment('#live=')).toBeNull();
    expect(readLiveFragment(`#live=${room}`)).toBeNull();
    expect(readLiveFragment(`#live=${room}.${token}.x`)).toBeNull();
    expect(readLiveFragment(`#live=${room}.<script>`)).toBeNull();
    expect(readLiveFragment(`#live=short.${token}`)).toBeNull();
  });

  it('accepts only three well-formed secrets from the server', () => {
    expect(readCreatedRoom({ room, editToken: token, viewToken: token })).toEqual({ room, editToken: token, viewToken: token });
    expect(readCreatedRoom({ room, editToken: token })).toBeNull();
    expect(readCreatedRoom({ room: 'a b', editToken: token, viewToken: token })).toBeNull();
    expect(readCreatedRoom('nope')).toBeNull();
  });
});
