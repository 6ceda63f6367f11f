; The Start-menu shortcut with the app's AppUserModelID (System.AppUserModel.ID).
;
; Windows shows the app's toast notifications (reminders) only when a Start-menu shortcut carries
; the same AppUserModelID that the app passes to the toast API; NSIS's own CreateShortcut cannot
; set shell properties, and the WinShell plug-in is not part of Debian's nsis. So the shortcut is
; written through the shell's COM interfaces (IShellLink, IPropertyStore, IPersistFile) with the
; System plug-in and the COM helpers that ship with NSIS (Include\Win\COM.nsh, Propkey.nsh).
; If that fails, a plain shortcut is written instead: the app then still starts from the Start
; menu and shows its reminders in the window.

!include LogicLib.nsh
!include Win\COM.nsh
!include Win\Propkey.nsh

; Writes $R0 (the .lnk path) pointing to $R1 (the exe), with the AppUserModelID $R2 and the
; description $R3.
Function CreateShortcutWithAppId
  System::Store S
  StrCpy $9 "fehlgeschlagen"
  !insertmacro ComHlpr_CreateInProcInstance ${CLSID_ShellLink} ${IID_IShellLink} r0 ""
  ${If} $0 P<> 0
    ${IShellLink::SetPath} $0 '("$R1").r1'
    ${IShellLink::SetWorkingDirectory} $0 '("$INSTDIR").r1'
    ${IShellLink::SetIconLocation} $0 '("$R1",0).r1'
    ${IShellLink::SetDescription} $0 '("$R3").r1'
    ${IUnknown::QueryInterface} $0 '("${IID_IPropertyStore}",.r1)'
    ${If} $1 P<> 0
      System::Call '*${SYSSTRUCT_PROPERTYKEY}(${PKEY_AppUserModel_ID})p.r2'
      ; A VT_LPWSTR PROPVARIANT owns a CoTaskMem string (SHStrDupW allocates one).
      System::Call 'shlwapi::SHStrDupW(w "$R2", *p .r4)i.r5'
      System::Call '*(&i2 ${VT_LPWSTR}, &i6 0, p r4, &i8 0)p.r3'
      ${IPropertyStore::SetValue} $1 '($2,$3).r5'
      ${IPropertyStore::Commit} $1 '().r6'
      System::Call 'ole32::CoTaskMemFree(p r4)'
      System::Free $2
      System::Free $3
      ${IUnknown::Release} $1 ""
      ${If} $5 = 0
      ${AndIf} $6 = 0
        StrCpy $9 "ok"
      ${EndIf}
    ${EndIf}
    ${IUnknown::QueryInterface} $0 '("${IID_IPersistFile}",.r1)'
    ${If} $1 P<> 0
      ${IPersistFile::Save} $1 '("$R0",1).r7'
      ${IUnknown::Release} $1 ""
    ${EndIf}
    ${IUnknown::Release} $0 ""
  ${EndIf}
  ${IfNot} ${FileExists} "$R0"
    CreateShortcut "$R0" "$R1" "" "$R1" 0 SW_SHOWNORMAL "" "$R3"
    StrCpy $9 "ohne AppUserModelID"
  ${EndIf}
  DetailPrint "Verknüpfung im Startmenü: $R0 (AppUserModelID: $9)"
  System::Store L
FunctionEnd
