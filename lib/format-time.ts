// Dates and times as Chinese offices write them, in China's time zone.
const dateTime = new Intl.DateTimeFormat("zh-CN", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Shanghai",
});
const time = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" });

export const formatDateTime = (date: Date | string) => dateTime.format(new Date(date));
export const formatTime = (date: Date | string) => time.format(new Date(date));
const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

/** "2025年1月31日" */
export const formatDate = (date: Date | string) => day.format(new Date(date));
/** A deadline (the instant its day ends) as the day it falls on: "2025年1月31日". */
export const formatDeadline = (deadline: Date) => day.format(new Date(deadline.getTime() - 1));
const dayAndTime = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Shanghai" });
/** "2025年1月31日 14:05" */
export const formatDayAndTime = (date: Date | string) => dayAndTime.format(new Date(date));
