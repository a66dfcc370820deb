/** One status line on a terminal: rewritten in place, erased at the end (before anything else is written there). */
export interface TerminalLine {
  show(text: string): void;
  end(): void;
}

export function terminalLine(write: (text: string) => void): TerminalLine {
  let shown = false;
  return {
    show(text) {
      write(`\r\x1b[2Kvpcelint: ${text}`);
      shown = true;
    },
    end() {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}
