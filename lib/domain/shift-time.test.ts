import { describe, expect, it } from 'vitest';
import { readShiftTime, shiftTimeOf } from './shift-time';

describe('a shift hour as the shop lead types it', () => {
  it.each([
    ['16:00', '16:00'],
    ['16：00', '16:00'],
    ['１６：００', '16:00'],
    ['16点', '16:00'],
    ['16点半', '16:30'],
    ['16点30分', '16:30'],
    ['二十点', '20:00'],
    ['下午4点', '16:00'],
    ['下午 4 点半', '16:30'],
    ['晚上10点', '22:00'],
    ['晚上八点', '20:00'],
    ['傍晚6点半', '18:30'],
    ['中午12点', '12:00'],
    ['中午1点', '13:00'],
    ['上午9点15分', '09:15'],
    ['早上8点', '08:00'],
    ['凌晨2点', '02:00'],
    ['晚上12点', '00:00'],
    ['4:00 PM', '16:00'],
    ['4:00 pm', '16:00'],
    ['4pm', '16:00'],
    ['8:30 AM', '08:30'],
    ['12am', '00:00'],
    ['下午4:30', '16:30'],
    ['08:30', '08:30'],
    ['04:00', '04:00'],
    ['0:30', '00:30'],
    ['22:00', '22:00'],
    // 24-hour writing from 6:00 on: a shop's 8:30 is the morning, its noon 12:30.
    ['8:30', '08:30'],
    ['8：30', '08:30'],
    ['6:00', '06:00'],
    ['12:30', '12:30'],
  ])('reads %s as %s', (typed, time) => {
    expect(readShiftTime(typed)).toEqual({ time });
    expect(shiftTimeOf(typed)).toBe(time);
  });

  it.each([
    ['4点', '04:00', '16:00'],
    ['8点', '08:00', '20:00'],
    ['8点半', '08:30', '20:30'],
    ['四点', '04:00', '16:00'],
    ['12点', '00:00', '12:00'],
    ['4:00', '04:00', '16:00'],
    ['5:30', '05:30', '17:30'],
    ['1：15', '01:15', '13:15'],
  ])('asks which half of the day %s is: %s or %s', (typed, morning, evening) => {
    expect(readShiftTime(typed)).toEqual({ either: [morning, evening] });
    expect(shiftTimeOf(typed)).toBeNull();
  });

  it.each(['', '24:00', '16:60', '0830', '16', '下午', '上午16点', '4点多', 'abc'])('does not read %j as a time', (typed) => {
    expect(readShiftTime(typed)).toBeNull();
  });
});
