/// The converted articles live beside this file, in dumps/.
public enum Articles {}
